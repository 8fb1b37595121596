"""gradbook"""
