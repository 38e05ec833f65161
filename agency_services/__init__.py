"""The agency's services: consultation requests against the yearly budget, and the services log."""
