// The accessibility check every screen passes (issue 25 item 11): axe-core's WCAG 2.1 A and AA
// rules, run by @axe-core/playwright on the screen as it stands, and no violation of serious or
// critical impact. Answers them as lines to read in a failure (rule, what it asks, where).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(' ')} (${n.any[0]?.message ?? n.failureSummary ?? ''})`)
          .join(' | ')}`,
    );
}
