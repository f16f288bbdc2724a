import asyncio
import time

async def http_call(num):
    print(f"Starting HTTP call with parameter {num}")
    await asyncio.sleep(num)  # Simulating an I/O-bound operation with sleep
    print(f"Completed HTTP call {num}")
    return {"status": "success", "data": num} 

async def main():
    start_time = time.time()
    print("Starting main coroutine")

    # !!!important,  once task is created , it will be added to event loop automatically
    # and will start running in background!!!
    task1 = asyncio.create_task(http_call(3))
    task2 = asyncio.create_task(http_call(2))

    print("Tasks created, awaiting their completion")
    
    # 等待 task1 完成并获取结果。注意，此时 task1 和 task2 都已经在后台运行了。
    result1 = await task1 
    print(f"Result from task1: {result1}")
    
    # 等待 task2 完成。如果 task2 此时已经完成，await 会立刻返回结果。
    result2 = await task2 
    print(f"Result from task2: {result2}")
    
    print(f"All tasks completed in {time.time() - start_time:.2f} seconds")

asyncio.run(main())
