#!/usr/bin/env python3
"""Renders pages in headless Chromium at a phone's width (390 px) and a desktop's (1,000 px), checks
each as a reader would meet it, and saves a screenshot of each.

    shoot.py OUT NAME=URL [NAME=URL ...]

For every page and width it fails when the page scrolls sideways (a table may scroll inside its own
box), when a chart (an SVG) sticks out of the window or has no size, or when the page is nearly
empty. Pictures go to OUT/NAME-390.png and OUT/NAME-1000.png. scripts/screenshots runs it.
"""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

WIDTHS = (390, 1000)
HEIGHT = 900

CHECK = """
const width = document.documentElement.clientWidth;
const problems = [];
if (document.documentElement.scrollWidth > width + 1)
  problems.push(`the page is ${document.documentElement.scrollWidth} px wide and scrolls sideways`);
document.querySelectorAll('svg').forEach((svg, i) => {
  const box = svg.getBoundingClientRect();
  if (box.width < 50 || box.height < 30) problems.push(`chart ${i + 1} is ${Math.round(box.width)}x${Math.round(box.height)} px`);
  if (box.right > width + 1) problems.push(`chart ${i + 1} ends at ${Math.round(box.right)} px, past the window`);
});
if (document.body.innerText.trim().length < 40) problems.push('the page is nearly empty');
return problems;
"""


def main():
    out, pages = sys.argv[1], [arg.split("=", 1) for arg in sys.argv[2:]]
    options = webdriver.ChromeOptions()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failures = []
    try:
        for width in WIDTHS:
            driver.set_window_size(width, HEIGHT)
            # The window's outer size includes no chrome in headless mode; make the inner width exact.
            inner = driver.execute_script("return window.innerWidth")
            if inner != width:
                driver.set_window_size(width + (width - inner), HEIGHT)
            for name, url in pages:
                driver.get(url)
                for problem in driver.execute_script(CHECK):
                    failures.append(f"{name} at {width} px: {problem}")
                path = f"{out}/{name}-{width}.png"
                driver.save_screenshot(path)
                print(f"{path}: checked")
    finally:
        driver.quit()
    if failures:
        sys.exit("screenshots: " + "; ".join(failures))


if __name__ == "__main__":
    main()
