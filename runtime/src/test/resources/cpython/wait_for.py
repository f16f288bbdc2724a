# wait_for (3.13, built on timeout()): in time -> the value; too late -> the inner work is cancelled and its
# clean-up done before TimeoutError (caused by the CancelledError) is raised; an inner task that swallows the
# cancellation gives its value; timeout <= 0 never starts a coroutine; a done future is returned at once.
import asyncio
async def work(delay, value):
    try:
        await asyncio.sleep(delay)
        return value
    finally:
        print("work cleanup", value)
async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn swallows")
        return "stubborn value"
async def never_started():
    print("never printed")
async def main():
    print(await asyncio.wait_for(work(0.01, "in time"), 1))
    try:
        await asyncio.wait_for(work(1, "too late"), 0.01)
    except TimeoutError as e:
        print("TimeoutError", repr(e.__cause__), asyncio.current_task().cancelling())
    print(await asyncio.wait_for(asyncio.create_task(stubborn()), 0.01))
    try:
        await asyncio.wait_for(never_started(), 0)
    except TimeoutError as e:
        print("zero timeout", repr(e.__cause__))
    f = asyncio.get_running_loop().create_future()
    f.set_result("ready")
    print(await asyncio.wait_for(f, 0))
    print(await asyncio.wait_for(work(0.01, "no limit"), None))
    t = asyncio.create_task(work(1, "in a task"))
    try:
        await asyncio.wait_for(t, 0.01)
    except TimeoutError:
        print("task cancelled:", t.cancelled())
asyncio.run(main())
