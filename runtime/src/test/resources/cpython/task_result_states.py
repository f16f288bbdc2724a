# A task's done/cancelled/result/exception through its life; set_result is refused.
import asyncio
async def ok():
    await asyncio.sleep(0)
    return "value"
async def fail():
    await asyncio.sleep(0)
    raise ValueError("failed")
async def main():
    t = asyncio.create_task(ok())
    print(t.done(), t.cancelled())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print(repr(e))
    print(await t, t.done(), t.result(), t.exception())
    u = asyncio.create_task(fail())
    try:
        await u
    except ValueError as e:
        print("awaited", repr(e), u.exception() is e)
    try:
        t.set_result(1)
    except RuntimeError as e:
        print(repr(e))
    try:
        t.set_exception(ValueError())
    except RuntimeError as e:
        print(repr(e))
asyncio.run(main())
