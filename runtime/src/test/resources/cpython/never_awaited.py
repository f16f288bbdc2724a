# create_task outside a loop: RuntimeError, and the dropped coroutine warns that it was never awaited.
import asyncio, warnings, gc
warnings.simplefilter("always")
warnings.showwarning = lambda message, category, *rest: print(category.__name__ + ":", message)
async def work():
    pass
try:
    asyncio.create_task(work())
except RuntimeError as e:
    print(repr(e))
gc.collect()
