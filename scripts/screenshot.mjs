// Remakes docs/widget.png, the picture in README.md: `node scripts/screenshot.mjs`
// after `make build`. A visitor part-way through the French demo page, 420 px wide.
import { fileURLToPath } from 'node:url';
import { open, ready, start } from '../tests/e2e/harness.mjs';

const browser = await start();
try {
  const { page } = await open(browser.context, `${browser.origin}/`, { width: 420 });
  await ready(page);
  const widget = page.locator('eligibility-widget');
  await widget.locator('label.option:has(input[value=technician])').click();
  await widget.locator('label.option:has(input[name=rights_not_renewed_since_2020][value=yes])').click();
  await widget.locator('input[type=text][name=days_worked]').fill('24');
  await widget.locator('input[type=text][name=days_worked]').press('Enter');
  await widget.locator('label.option:has(input[name=works_on_netflix_production][value=no])').click();
  await widget.screenshot({ path: fileURLToPath(new URL('../docs/widget.png', import.meta.url)) });
} finally {
  await browser.stop();
}
