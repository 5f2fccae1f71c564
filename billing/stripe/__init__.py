"""Stripe through the official SDK: the only package in Page Magic that imports ``stripe``."""
