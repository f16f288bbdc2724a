import asyncio
import time

async def http_call(num):
    print(f"Starting HTTP call with parameter {num}")
    await asyncio.sleep(num)
    print(f"Completed HTTP call {num}")
    return {"status": "success", "data": num} 

async def main():
    start_time = time.time()
    print("Starting main coroutine")

    task_list = [
        http_call(3),
        http_call(2),
        http_call(1)
    ]
    
    print ("Tasks created, awaiting their start and completion")
    # 使用 asyncio.gather 运行任务并等待它们全部完成
    results = await asyncio.gather(*task_list)
    
    print(f"\nAll results: {results}")
    print(f"Total time: {time.time() - start_time:.2f} seconds")

asyncio.run(main())
