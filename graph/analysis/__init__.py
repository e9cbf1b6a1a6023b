"""The networkx model of the built graph and the network questions asked of it."""
