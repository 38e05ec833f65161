"""Booking business rules: each module is one concept, each public function one use case."""
