import asyncio

async def rate_limited_fetch(sem, url):
    async with sem:  # Only N tasks can be inside this block at once
        print(f"Fetching {url}")
        await asyncio.sleep(0.1)  # Simulate network request
        return f"Data from {url}"

async def main():
    sem = asyncio.Semaphore(3)  # Max 3 concurrent requests
    urls = [f"https://api.example.com/{i}" for i in range(10)]

    tasks = [rate_limited_fetch(sem, url) for url in urls]
    results = await asyncio.gather(*tasks)

asyncio.run(main())
