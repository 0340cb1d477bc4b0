print("scriptorium")
