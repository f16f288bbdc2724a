# Outside a loop: create_task and get_running_loop raise RuntimeError('no running event loop').
import asyncio, warnings
warnings.simplefilter("ignore")
async def work():
    pass
for f in (lambda: asyncio.create_task(work()), asyncio.get_running_loop, asyncio.current_task, asyncio.all_tasks):
    try:
        f()
    except RuntimeError as e:
        print(repr(e))
