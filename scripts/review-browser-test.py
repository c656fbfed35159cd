#!/usr/bin/env python3
"""Drives the review workbench (enjeux-review) in headless Chromium through chromedriver
and Selenium, as a person would with the keyboard: open an issue, judge three passages
(2, 1, 0), reload and see them judged, check that the list re-ranked, search a term and
find a passage outside the list, put two passages in the basket and download the brief
as DOCX, whose text must hold both quotes and their citations. Screenshots go to --out.

Run by the Swift test EnjeuxReviewTests/BrowserTests (test-only virtualenv under .build/):
  python review-browser-test.py --url 'http://127.0.0.1:PORT/?token=…' --out DIR --issue autonomie --search temps
Prints one line of JSON; exits 1 with the reason when a check fails.
"""

import argparse
import json
import pathlib
import re
import sys
import time
import unicodedata
import zipfile

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def words(text):
    """Lower-case letters and digits only, for comparing text through pandoc's typography."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(re.findall(r"[0-9a-zà-ÿœæ]+", text))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--issue", required=True)
    parser.add_argument("--search", required=True)
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    downloads = out / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)

    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,2000", "--lang=fr-FR"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads.resolve()),
        "download.prompt_for_download": False,
    })
    service = webdriver.ChromeService(executable_path=args.chromedriver)
    driver = webdriver.Chrome(options=options, service=service)
    wait = WebDriverWait(driver, 60)
    result = {}
    try:
        issue_url = args.url + "#" + args.issue

        def passages():
            return driver.find_elements(By.CSS_SELECTOR, "#liste > li.passage")

        def ids():
            return [node.get_attribute("data-id") for node in passages()]

        def press(key):
            """A key as a person types it: to whatever has the focus."""
            ActionChains(driver).send_keys(key).perform()

        def wait_status(text):
            wait.until(lambda d: text in d.find_element(By.ID, "statut").text)

        driver.get(issue_url)
        wait.until(lambda d: len(passages()) >= 4)
        driver.save_screenshot(str(out / "1-liste.png"))
        before = ids()
        result["listed"] = len(before)

        # Judge with the keyboard: 2 on the first, j, 1 on the second, j, 0 on the third.
        focused = driver.switch_to.active_element.get_attribute("data-id")
        if focused != before[0]:
            raise SystemExit(f"the first passage is not focused ({focused})")
        plan = [("2", "très pertinent"), ("1", "pertinent"), ("0", "non pertinent")]
        judged = []
        for index, (key, label) in enumerate(plan):
            if index > 0:
                press("j")
            target = driver.switch_to.active_element.get_attribute("data-id")
            judged.append(target)
            driver.execute_script("document.getElementById('statut').textContent = ''")
            press(key)
            wait_status("Enregistré : " + label)
            time.sleep(0.2)
        driver.save_screenshot(str(out / "2-jugés.png"))
        after = ids()
        if judged[2] in after:
            raise SystemExit("the passage judged 0 is still in the list")
        if after == before:
            raise SystemExit("the list did not re-rank")
        if after[:2] != judged[:2]:
            raise SystemExit(f"judged relevant passages are not first: {after[:2]} vs {judged[:2]}")
        result["reranked"] = True

        # Reload: the judgments are there.
        driver.get("about:blank")
        driver.get(issue_url)
        wait.until(lambda d: len(passages()) >= 2)
        verdicts = {node.get_attribute("data-id"): node.find_element(By.CSS_SELECTOR, ".jugement").text
                    for node in passages()}
        for passage_id, (_, label) in zip(judged[:2], plan[:2]):
            if not verdicts.get(passage_id, "").startswith("Jugé : " + label):
                raise SystemExit(f"after reload {passage_id} shows {verdicts.get(passage_id)!r}")
        excluded = driver.find_elements(By.CSS_SELECTOR, "#liste-ecartes > li.passage")
        if judged[2] not in [node.get_attribute("data-id") for node in excluded]:
            raise SystemExit("after reload the passage judged 0 is not among the excluded")
        driver.find_element(By.CSS_SELECTOR, "#ecartes summary").click()
        driver.save_screenshot(str(out / "3-rechargé.png"))
        result["judged_after_reload"] = 3

        # Search the whole corpus: a passage the issue's list does not show.
        field = driver.find_element(By.ID, "terme")
        field.send_keys(args.search)
        field.send_keys(Keys.ENTER)
        wait.until(lambda d: "passages trouvés" in d.find_element(By.ID, "statut-recherche").text)
        found = driver.find_elements(By.CSS_SELECTOR, "#resultats > li.passage")
        outside = [node for node in found if "Hors de la liste du lexique" in node.text]
        if not outside:
            raise SystemExit(f"the search found {len(found)} passages, none outside the list")
        driver.execute_script("arguments[0].scrollIntoView()", outside[0])
        driver.save_screenshot(str(out / "4-recherche.png"))
        result["search_outside_list"] = len(outside)

        # Two passages of the list into the basket.
        chosen = passages()[:2]
        quotes = [node.find_element(By.CSS_SELECTOR, ".texte").text for node in chosen]
        citations = [node.find_element(By.CSS_SELECTOR, ".citation").text for node in chosen]
        for node in chosen:
            node.find_element(By.XPATH, ".//button[contains(., 'panier')]").click()
            wait_status("Ajouté au panier")
            driver.execute_script("document.getElementById('statut').textContent = ''")
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#panier > li")) == 2)
        title = driver.find_element(By.ID, "titre-note")
        title.clear()
        title.send_keys("Note d’essai du navigateur")
        driver.find_element(By.ID, "enregistrer-titre").click()
        time.sleep(0.5)
        driver.execute_script("document.getElementById('panier').scrollIntoView()")
        driver.save_screenshot(str(out / "5-panier.png"))

        # Download the DOCX through the page's link.
        link = driver.find_element(By.ID, "telecharger-docx").get_attribute("href")
        driver.get(link)
        deadline = time.time() + 120
        docx = None
        while time.time() < deadline:
            done = [p for p in downloads.glob("*.docx")]
            if done and not list(downloads.glob("*.crdownload")):
                docx = done[0]
                break
            time.sleep(0.5)
        if docx is None:
            raise SystemExit("no DOCX downloaded")
        with zipfile.ZipFile(docx) as archive:
            xml = archive.read("word/document.xml").decode("utf-8")
        text = words(re.sub(r"<[^>]+>", " ", xml).replace("&apos;", "'").replace("&quot;", '"'))
        for quote, citation in zip(quotes, citations):
            head = " ".join(words(quote).split()[:12])
            if head not in text:
                raise SystemExit(f"the DOCX lacks the quote beginning {head!r}")
            # The citation's year and page, as citeproc writes them again.
            for part in re.findall(r"\d{4}|p\. \d+", citation):
                if words(part) not in text:
                    raise SystemExit(f"the DOCX lacks {part!r} of the citation {citation!r}")
        result["docx"] = str(docx)
        result["docx_quotes"] = 2
        print(json.dumps(result, ensure_ascii=False))
    except SystemExit as failure:
        driver.save_screenshot(str(out / "échec.png"))
        print(json.dumps({"failure": str(failure), **result}, ensure_ascii=False))
        sys.exit(1)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
