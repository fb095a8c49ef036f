"""The guide: a WebSocket Q&A companion that answers only from the collection's records."""
