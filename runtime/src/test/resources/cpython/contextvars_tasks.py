import asyncio
import contextvars

var = contextvars.ContextVar('var', default='default')


async def child(name):
    print(name, 'sees', var.get())
    var.set(name)
    await asyncio.sleep(0)
    print(name, 'after sleep sees', var.get())


async def main():
    print('main sees', var.get())
    var.set('main')
    t1 = asyncio.create_task(child('t1'))
    var.set('main2')
    t2 = asyncio.create_task(child('t2'))
    await t1
    await t2
    print('main sees', var.get())
    ctx = contextvars.copy_context()
    ctx.run(var.set, 'in ctx')
    print('main sees', var.get(), 'ctx has', ctx[var])
    t3 = asyncio.create_task(child('t3'), context=ctx)
    t4 = asyncio.create_task(child('t4'), context=ctx)
    await t3
    await t4
    print('ctx now has', ctx[var])
    print('main sees', var.get())


var.set('outside')
asyncio.run(main())
print('outside sees', var.get())
