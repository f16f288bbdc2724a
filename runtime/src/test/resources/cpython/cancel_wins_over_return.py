# A pending cancel wins over a normal return, and over the result of a future that is already set.
import asyncio
async def returns_anyway():
    asyncio.current_task().cancel("self")
    return "value"
async def waits_on_done_future(fut):
    v = await fut
    print("never", v)
async def main():
    t = asyncio.create_task(returns_anyway())
    try:
        print(await t)
    except asyncio.CancelledError as e:
        print("cancelled despite return:", repr(e), t.cancelled())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    u = asyncio.create_task(waits_on_done_future(fut))
    await asyncio.sleep(0)
    fut.set_result("ready")
    print("cancel after the result is set:", u.cancel("late"))
    try:
        await u
    except asyncio.CancelledError as e:
        print("cancelled despite the result:", repr(e), fut.result())
asyncio.run(main())
