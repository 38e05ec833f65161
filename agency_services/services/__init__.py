"""Business rules of the agency's services: one module per concern."""
