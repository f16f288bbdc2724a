# CancelledError is thrown at the current await; finally runs; the first awaiter gets the very error with the
# message, later result() calls a fresh one without it.
import asyncio
caught = []
async def inner():
    try:
        print("inner awaits")
        await asyncio.sleep(10)
    finally:
        print("inner finally")
async def child():
    try:
        await inner()
    except asyncio.CancelledError as e:
        print("child caught", repr(e))
        caught.append(e)
        raise
    finally:
        print("child finally")
async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(0)
    print("cancel:", t.cancel("stop it"), t.cancelled(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("main got", repr(e), "same object:", e is caught[0])
    for m in (t.result, t.exception):
        try:
            m()
        except asyncio.CancelledError as e:
            print(repr(e))
    print(t.cancelled(), t.cancel())
asyncio.run(main())
