import contextvars

a = contextvars.ContextVar('a')
b = contextvars.ContextVar('b', default=0)
try:
    a.get()
except LookupError as e:
    print(type(e).__name__)
print(a.get('fallback'), b.get(), b.get(5))
t1 = a.set(1)
t2 = a.set(2)
print(a.get(), t1.old_value is contextvars.Token.MISSING, t2.old_value, t2.var is a)
a.reset(t2)
print(a.get())
try:
    a.reset(t2)
except RuntimeError:
    print('RuntimeError: used twice')
try:
    b.reset(t1)
except ValueError:
    print('ValueError: different var')
ctx = contextvars.copy_context()
t3 = ctx.run(a.set, 3)
print(a.get(), ctx[a], ctx.get(a), a in ctx, b in ctx, len(ctx))
try:
    a.reset(t3)
except ValueError:
    print('ValueError: different context')
a.reset(t1)
print(a.get('unset'), a in contextvars.copy_context())


def nested():
    try:
        ctx.run(print, 'inner')
    except RuntimeError:
        print('RuntimeError: already entered')
    a.set(4)
    return 'ran'


print(ctx.run(nested), ctx[a], a.get('unset'))
empty = contextvars.Context()
print(len(empty), empty.get(a), empty.get(a, 'd'))
