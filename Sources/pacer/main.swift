import PacerCore
print(Pacer.version)
