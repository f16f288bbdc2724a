# ExceptionGroup: str, message, split / subgroup by type (nesting kept), a matching group matches whole.
eg = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")]), KeyError("d")])
print(str(eg))
print(repr(eg))
print(eg.message)
m, r = eg.split(ValueError)
print(repr(m))
print(repr(r))
print(repr(eg.subgroup(TypeError)))
print(eg.subgroup(OSError))
print(eg.split(Exception)[0] is eg, eg.split(Exception)[1])
print(repr(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner")))
print(str(ExceptionGroup("x", [ValueError()])))
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print(repr(e))
