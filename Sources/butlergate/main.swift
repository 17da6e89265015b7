print("butlergate")
