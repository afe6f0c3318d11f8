import ArgumentParser
print("imtop")
