# Cancelling a task inside wait_for cancels the inner work and raises CancelledError, not TimeoutError.
import asyncio
async def inner():
    try:
        await asyncio.sleep(10)
    finally:
        print("inner cleanup")
async def outer():
    try:
        await asyncio.wait_for(inner(), 5)
    except asyncio.CancelledError as e:
        print("outer cancelled", repr(e))
        raise
async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    t.cancel("from main")
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", t.cancelled())
asyncio.run(main())
