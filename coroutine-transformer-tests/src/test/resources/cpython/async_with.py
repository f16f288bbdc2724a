# async with: TaskGroup, timeout, a lock and a hand-written context manager that suppresses or replaces.
import asyncio
log = []
async def child(name, delay, fail):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        raise ValueError(name)
    print(name, "done")
    return name
class Res:
    def __init__(self, name, answer, replace=False):
        self.name, self.answer, self.replace = name, answer, replace
    async def __aenter__(self):
        await asyncio.sleep(0)
        print("enter", self.name)
        return self
    async def __aexit__(self, et, e, tb):
        await asyncio.sleep(0)
        print("exit", self.name, repr(e))
        if self.replace and e is not None:
            raise KeyError(self.name)
        return self.answer
async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 0.02, False))
        tg.create_task(child("b", 0.01, False))
    print("after group", a.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c", 0.01, True))
            tg.create_task(child("d", 1, False))
            await asyncio.sleep(1)
            print("never")
    except ExceptionGroup as eg:
        print("group failed", list(eg.exceptions))
    try:
        async with asyncio.timeout(0.01) as t:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timed out", t.expired(), type(e.__cause__).__name__)
    lock = asyncio.Lock()
    try:
        async with lock:
            print("locked", lock.locked())
            raise ValueError("in lock")
    except ValueError as e:
        print("released", lock.locked(), repr(e))
    x = 0
    async with Res("s", True):
        x = 1
        raise ValueError("suppressed")
    print("after suppress", x)
    try:
        async with Res("r", False, True):
            raise ValueError("replaced")
    except KeyError as e:
        print("replaced by", repr(e))
    async with Res("n", True):
        pass
    print("end")
asyncio.run(main())
