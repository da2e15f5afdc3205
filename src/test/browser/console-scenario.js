// The operator console in a real browser: Debian's Chromium driven by playwright-core (no browser download).
// Run by cn.sedx.gateway.console.ConsoleBrowserTests against a gateway on its embedded defaults:
//   SEDX_BASE_URL=http://127.0.0.1:<port> SEDX_FIXTURE=<personnel filing JSON> SEDX_SCREENSHOTS=<folder> \
//   node console-scenario.js
// Prints "ok - <behaviour>" per step, "not ok - <behaviour>: <why>" at the first failure (then exits 1), and fails
// on any Content-Security-Policy violation the browser reports. A screenshot of every page goes to the folder.
'use strict';

const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const base = required('SEDX_BASE_URL');
const filing = fs.readFileSync(required('SEDX_FIXTURE'));
const shots = required('SEDX_SCREENSHOTS');
const chromiumPath = process.env.SEDX_CHROMIUM || '/usr/bin/chromium';
const PROVINCE_TOKEN = 'sedx-sample-gd-province-dd0dbda348f429c18b654c28';
const OPERATOR = ['operator', 'operator-sample-only'];
const AUDITOR = ['auditor', 'auditor-sample-only'];

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error('missing environment variable ' + name);
    process.exit(2);
  }
  return value;
}

function check(condition, what) {
  if (!condition) {
    throw new Error(what);
  }
}

let shot = 0;
async function screenshot(page, name) {
  shot += 1;
  await page.screenshot({ path: path.join(shots, String(shot).padStart(2, '0') + '-' + name + '.png'), fullPage: true });
}

async function submitFiling(request) {
  const answer = await request.post(base + '/api/v1/personnel-filings', {
    headers: { Authorization: 'Bearer ' + PROVINCE_TOKEN, 'Content-Type': 'application/json' },
    data: filing,
  });
  check(answer.status() === 202, 'filing answered ' + answer.status());
  return (await answer.json()).messageId;
}

// the simulators' control is for operators (docs/security.md)
const OPERATOR_BASIC = { Authorization: 'Basic ' + Buffer.from(OPERATOR.join(':')).toString('base64') };

async function control(request, destination, mode, status) {
  const answer = await request.post(base + '/sim/control', { headers: OPERATOR_BASIC, data: { destination, mode, status } });
  check(answer.ok(), 'simulator control answered ' + answer.status());
}

async function signIn(page, [user, password]) {
  await page.goto(base + '/console/');
  check(page.url().includes('/console/sign-in'), 'not sent to the sign-in page: ' + page.url());
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  // the page first asked for, which Spring Security marks with ?continue
  await page.waitForURL(/\/console\/(\?continue)?$/);
}

async function signOut(page) {
  await page.click('form[action="/console/sign-out"] button');
  await page.waitForURL(/\/console\/sign-in\?signed-out/);
}

/** Reloads until the page shows what is wanted (deliveries take a moment). */
// A click that opens a new page, then the wait until that page has loaded entirely: on a busy machine a page arrives
// in pieces, and reading it while the browser still parses it sees only its first part (a full run once read the
// probe's result cut off after its first lines).
async function clickToPage(page, selector) {
  await page.click(selector);
  await page.waitForFunction(() => document.readyState === 'complete');
}

async function reloadUntil(page, locator, text, seconds) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    // count() does not wait for the element, textContent() would (for the whole default timeout)
    const element = page.locator(locator).first();
    const shown = (await element.count()) > 0 ? await element.textContent() : '';
    if (shown && shown.includes(text)) {
      return;
    }
    check(Date.now() < until, locator + ' never showed "' + text + '" (last: ' + shown + ')');
    await page.waitForTimeout(500);
    await page.reload();
  }
}

const steps = [];
function step(name, run) {
  steps.push({ name, run });
}

const state = {};

step('operatorSignsInAndSeesTheOverview', async (page) => {
  await page.goto(base + '/console/');
  await screenshot(page, 'sign-in');
  await signIn(page, OPERATOR);
  check((await page.textContent('h1')) === '总览', 'the overview is not shown in Chinese');
  check(await page.isVisible('#live[data-refresh]'), 'the overview does not refresh itself');
  await screenshot(page, 'overview');
});

step('operatorFindsAFilingByItsIdAndSeesItsHistory', async (page, request) => {
  state.filing = await submitFiling(request);
  await page.click('nav >> text=报文');
  await page.fill('[data-testid=search-id]', state.filing);
  await screenshot(page, 'messages-search');
  await page.press('[data-testid=search-id]', 'Enter');
  await page.waitForURL(base + '/console/messages/' + state.filing);
  await reloadUntil(page, '[data-testid=message-state]', '已确认', 30);
  const history = await page.textContent('[data-testid=history]');
  check(history.includes('已接收') && history.includes('已入队') && history.includes('已确认'),
    'the history lacks a state: ' + history);
  check((await page.textContent('[data-testid=payload]')).includes('********'), 'the payload is not masked');
  await screenshot(page, 'message');
});

step('operatorSeesADestinationFailAndItsMessageDeadLetter', async (page, request) => {
  await control(request, 'province-44', 'FAIL', 400);
  state.deadLetter = await submitFiling(request);
  await page.click('nav >> text=死信与重放');
  await reloadUntil(page, 'tr[data-message="' + state.deadLetter + '"]', state.deadLetter, 30);
  await screenshot(page, 'dead-letters');
});

step('operatorReplaysADeadLetterWithAReason', async (page, request) => {
  await page.check('tr[data-message="' + state.deadLetter + '"] input[name=ids]');
  await page.click('[data-testid=preview-selected]');
  await page.waitForURL(/\/console\/replays\/preview/);
  check((await page.textContent('[data-testid=preview-count]')).includes('1'), 'the dry run does not count 1');
  await screenshot(page, 'replay-preview');
  await control(request, 'province-44', 'OK');
  await page.fill('textarea[name=reason]', '省级平台维护结束，重新投递 (province back after maintenance)');
  await page.fill('input[name=rate]', '5');
  await page.click('[data-testid=replay-form] button[type=submit]');
  await page.waitForURL(/\/console\/replays\/[0-9a-f-]{36}$/);
  // the progress refreshes itself (console.js): no reload here
  await page.waitForFunction(() => {
    const states = document.querySelector('[data-testid=replay-states]');
    return states && states.textContent.includes('已确认');
  }, null, { timeout: 30000 });
  await screenshot(page, 'replay-progress');
});

step('operatorSeesTheReplayedMessageAcknowledgedWithWhoWhenAndWhy', async (page) => {
  await page.goto(base + '/console/messages/' + state.deadLetter);
  await reloadUntil(page, '[data-testid=message-state]', '已确认', 30);
  const replayed = await page.textContent('[data-testid=replayed-by]');
  check(replayed.includes('operator') && replayed.includes('province back after maintenance'),
    'the message page does not say who replayed it and why: ' + replayed);
  check((await page.textContent('[data-testid=history]')).includes('已重放'), 'no REPLAYED in the history');
  await screenshot(page, 'message-replayed');
});

step('operatorTestsTheConnectionToADestination', async (page) => {
  await page.click('nav >> text=目标平台');
  await clickToPage(page, '[data-testid=probe-province-44]');
  const result = await page.textContent('[data-testid=probe-result]');
  check(result.includes('PROBE_OK') && result.includes('verified'), 'the probe did not answer signed: ' + result);
  await screenshot(page, 'destinations');
});

step('operatorReadsEveryOtherPage', async (page) => {
  for (const [label, name] of [['国家上报', 'uploads'], ['年度报告', 'reports'], ['合规', 'compliance'],
    ['审计', 'audit'], ['系统与账号', 'systems']]) {
    await clickToPage(page, 'nav >> text=' + label);
    check(!(await page.content()).includes('??'), name + ' shows a missing message key');
    await screenshot(page, name);
  }
  await page.click('nav >> text=审计');
  await clickToPage(page, '[data-testid=verify-chain]');
  check((await page.textContent('[data-testid=chain-result]')).includes('完整'), 'the audit chain is not intact');
  await screenshot(page, 'audit-verify');
});

step('operatorSwitchesToEnglishAndBack', async (page) => {
  await page.click('nav >> text=系统与账号');
  await clickToPage(page, 'a.lang >> text=English');
  check((await page.textContent('h1')) === 'Systems and accounts', 'the page did not switch to English');
  await clickToPage(page, 'nav >> text=Overview');
  check((await page.textContent('h1')) === 'Overview', 'English did not stay on');
  await screenshot(page, 'overview-english');
  await clickToPage(page, 'a.lang >> text=中文');
  check((await page.textContent('h1')) === '总览', 'the page did not switch back to Chinese');
});

step('operatorSignsOut', async (page) => {
  await signOut(page);
  check((await page.textContent('.notice')).includes('已退出'), 'no signed-out notice');
  await screenshot(page, 'signed-out');
  await page.goto(base + '/console/messages');
  check(page.url().includes('/console/sign-in'), 'a page opened after signing out');
});

step('auditorFindsNoWayToReplayAndAForgedPostIsRefused', async (page) => {
  await signIn(page, AUDITOR);
  await page.goto(base + '/console/replays/preview?ids=' + state.deadLetter);
  check((await page.locator('[data-testid=replay-form]').count()) === 0, 'the auditor is offered a replay');
  check((await page.locator('form[action="/console/replays"]').count()) === 0, 'a replay form is on the page');
  await screenshot(page, 'auditor-preview');
  await page.goto(base + '/console/destinations');
  check((await page.locator('[data-testid^=probe-]').count()) === 0, 'the auditor is offered a test connection');
  const token = await page.getAttribute('form[action="/console/sign-out"] input[name=_csrf]', 'value');
  const forged = await page.request.post(base + '/console/replays', {
    form: { _csrf: token, ids: state.deadLetter, reason: 'forged by the auditor' }, maxRedirects: 0,
  });
  check(forged.status() === 403, 'the forged replay answered ' + forged.status());
  check((await forged.text()).includes('无权执行此操作'), 'the refusal does not say why');
  await signOut(page);
});

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sedx-console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    viewport: { width: 1360, height: 900 },
    locale: 'zh-CN',
  });
  const violations = [];
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(30000);
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  page.on('pageerror', (error) => violations.push('script error: ' + error.message));
  let failed = false;
  for (const { name, run } of steps) {
    try {
      await run(page, context.request);
      check(violations.length === 0, 'the browser reported: ' + violations.join(' | '));
      console.log('ok - ' + name);
    } catch (error) {
      console.log('not ok - ' + name + ': ' + (error && error.message ? error.message : error));
      for (const id of [state.filing, state.deadLetter].filter(Boolean)) {
        const status = await context.request.get(base + '/api/v1/messages/' + id, {
          headers: OPERATOR_BASIC,
        }).then((answer) => answer.text()).catch((e) => String(e));
        console.log('# message ' + id + ': ' + status.slice(0, 3000));
      }
      await screenshot(page, 'failure').catch(() => {});
      failed = true;
      break;
    }
  }
  await context.request.post(base + '/sim/control', { headers: OPERATOR_BASIC,
    data: { destination: 'province-44', mode: 'OK' } })
    .catch(() => {});
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  console.log('console scenario: ' + (failed ? 'FAILED' : 'all ' + steps.length + ' steps passed'));
  process.exit(failed ? 1 : 0);
})().catch((error) => {
  console.log('not ok - the browser could not be driven: ' + error.stack);
  process.exit(1);
});
