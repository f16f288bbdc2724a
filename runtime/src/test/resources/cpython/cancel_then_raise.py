# A task catches the CancelledError of cancel("msg") and raises another exception: the task fails with it, and the
# CancelledError is its context (Java: its cause).
import asyncio


async def child():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise ValueError("other")


async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(0)
    t.cancel("msg")
    try:
        await t
    except ValueError as e:
        print("caught", repr(e), "cause", repr(e.__context__))
    print(t.cancelled(), repr(t.exception()))
    print(str(t).startswith("<Task finished name='Task-2'"), str(t).endswith("exception=ValueError('other')>"))


asyncio.run(main())
