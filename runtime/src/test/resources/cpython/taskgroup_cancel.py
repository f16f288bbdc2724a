# TaskGroup cancelled from outside: the children are cancelled and the CancelledError propagates; nested groups.
import asyncio
async def work(name, delay):
    try:
        await asyncio.sleep(delay)
    finally:
        print(name, "finally")
    return name
async def group():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("x", 1))
            tg.create_task(work("y", 1))
        print("never")
    except asyncio.CancelledError as e:
        print("group cancelled", repr(e))
        raise
async def nested():
    async with asyncio.TaskGroup() as outer:
        outer.create_task(work("o", 0.02))
        async with asyncio.TaskGroup() as inner:
            inner.create_task(work("i1", 0.01))
            inner.create_task(work("i2", 0.03))
        print("inner group done")
    print("outer group done")
async def nested_failure():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(work("p", 1))
            async with asyncio.TaskGroup() as inner:
                async def boom():
                    await asyncio.sleep(0.01)
                    raise ValueError("deep")
                inner.create_task(boom())
                inner.create_task(work("q", 1))
    except ExceptionGroup as eg:
        print(repr(eg))
async def main():
    t = asyncio.create_task(group())
    await asyncio.sleep(0.01)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("task cancelled:", t.cancelled(), repr(e))
    await nested()
    await nested_failure()
    print("cancelling:", asyncio.current_task().cancelling())
asyncio.run(main())
