import i18next from 'i18next';
import { DEFAULT_LOCALE, UI_LOCALES, matchUiLocale } from '../../../../shared/i18n/locales';
import { LAN_CHANNEL, LAN_LIMITS, LAN_PAGE_META, lanDownAnswerSchema, lanPageConfigSchema, lanWindowNewsSchema } from '../../../../shared/scorm/lan-wire';
import type { LanPageRequest, LanWindowNews } from '../../../../shared/scorm/lan-wire';
import { PLAYER_CHANNEL } from '../../../../shared/scorm/player-messages';
import { readMetaJson } from '../player-shell/shell-config';
import en from '../../i18n/locales/en.json';
import zhHans from '../../i18n/locales/zh-Hans.json';
import zhHant from '../../i18n/locales/zh-Hant.json';

/**
 * The host page a browser on the school's network (usually inside the LMS's frame) plays a dispatched
 * course in (docs/scorm-lan.md). It frames the same player shell as the kiosk and carries messages: the
 * shell's to the kiosk (POST up, in order, retried), the kiosk's to the shell (GET down, long-polled). It
 * decides nothing: the kiosk's window runs the player, and sends what the buttons and contents may do.
 */

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function start(): Promise<void> {
  const locale = matchUiLocale(navigator.language);
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: en }, 'zh-Hans': { translation: zhHans }, 'zh-Hant': { translation: zhHant } },
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...UI_LOCALES],
    interpolation: { escapeValue: false },
  });
  const t = i18n.t.bind(i18n);
  document.documentElement.lang = locale;
  const status = element<HTMLParagraphElement>('lan-status');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const config = readMetaJson(document, LAN_PAGE_META, lanPageConfigSchema);
  const course = element<HTMLElement>('lan-course');
  const previous = element<HTMLButtonElement>('lan-previous');
  const next = element<HTMLButtonElement>('lan-next');
  const exit = element<HTMLButtonElement>('lan-exit');
  const contents = element<HTMLElement>('lan-contents');
  const list = element<HTMLOListElement>('lan-items');
  if (!config || !course || !previous || !next || !exit || !contents || !list) {
    say(t('lanPlayer.broken'));
    return;
  }
  previous.textContent = t('courses.player.previous');
  next.textContent = t('courses.player.next');
  exit.textContent = t('courses.player.exit');
  const contentsTitle = element<HTMLHeadingElement>('lan-contents-title');
  if (contentsTitle) contentsTitle.textContent = t('courses.player.contents');
  say(t('lanPlayer.connecting'));

  const auth = { Authorization: `Bearer ${config.secret}` };
  let over = false;
  const stop = (text: string) => {
    over = true;
    say(text);
    for (const button of [previous, next, exit]) button.disabled = true;
    list.querySelectorAll('button').forEach((button) => (button.disabled = true));
  };

  // Up: every message in order, at most LAN_LIMITS.maxMessagesPerCall per call, retried while the kiosk is unreachable.
  const queue: unknown[] = [];
  let sending = false;
  const send = async () => {
    if (sending) return;
    sending = true;
    let wait = 500;
    while (queue.length > 0 && !over) {
      const batch = queue.slice(0, LAN_LIMITS.maxMessagesPerCall);
      const answer = await fetch(new URL('../up', location.href), { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ messages: batch }) }).catch(() => null);
      if (answer && answer.ok) {
        queue.splice(0, batch.length);
        wait = 500;
        continue;
      }
      if (answer && (answer.status === 401 || answer.status === 404)) {
        stop(t('lanPlayer.closed'));
        break;
      }
      say(t('lanPlayer.lost'));
      await sleep(wait);
      wait = Math.min(wait * 2, 8000);
    }
    sending = false;
  };
  const up = (message: unknown) => {
    queue.push(message);
    void send();
  };
  const ask = (request: LanPageRequest) => up(request);

  // The shell, exactly as the kiosk frames it.
  const frame = document.createElement('iframe');
  frame.title = t('lanPlayer.frameTitle');
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-modals');
  frame.src = new URL(config.shell_url, location.href).toString();
  course.append(frame);
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
    const data = event.data as { channel?: unknown } | null;
    if (data && data.channel === PLAYER_CHANNEL) up(data);
  });

  previous.addEventListener('click', () => ask({ channel: LAN_CHANNEL, type: 'step', delta: -1 }));
  next.addEventListener('click', () => ask({ channel: LAN_CHANNEL, type: 'step', delta: 1 }));
  let exiting = false;
  exit.addEventListener('click', () => {
    exiting = true;
    exit.disabled = true;
    exit.textContent = t('courses.player.exiting');
    ask({ channel: LAN_CHANNEL, type: 'exit' });
  });

  let items: Array<{ id: string; button: HTMLButtonElement }> = [];
  const apply = (news: LanWindowNews) => {
    if (news.type === 'course') {
      document.title = news.title;
      const title = element('lan-title');
      const learner = element('lan-learner');
      if (title) title.textContent = news.title;
      if (learner) learner.textContent = t('lanPlayer.learner', { name: news.learner_name });
      list.replaceChildren();
      items = news.items.map((item) => {
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = item.title;
        button.style.paddingInlineStart = `${0.3 + item.depth}rem`;
        button.disabled = true;
        button.addEventListener('click', () => ask({ channel: LAN_CHANNEL, type: 'choose', item_id: item.id }));
        li.append(button);
        list.append(li);
        return { id: item.id, button };
      });
      contents.hidden = news.items.length < 2;
      say('');
    } else if (news.type === 'nav') {
      if (over) return;
      previous.hidden = news.hidden_previous;
      next.hidden = news.hidden_next;
      previous.disabled = !news.previous || news.busy;
      next.disabled = !news.next || news.busy;
      exit.disabled = exiting;
      const open = news.choosable === 'all' ? null : new Set(news.choosable);
      for (const item of items) {
        item.button.disabled = news.busy || (open !== null && !open.has(item.id));
        item.button.setAttribute('aria-current', String(item.id === news.current));
      }
      say(news.stuck ? t(items.length > 1 && (open === null || open.size > 0) ? 'courses.sequencing.chooseFromContents' : 'courses.sequencing.nothingToOpen') : '');
    } else if (news.type === 'finished') {
      frame.remove();
      stop(t('lanPlayer.finished'));
    } else {
      say(news.code === 'TOO_MANY_LAUNCHES' ? t('courses.sequencing.tooManyLaunches') : t('courses.player.error', { code: news.code }));
    }
  };

  // Down: long-polled; the kiosk's player messages go to the shell, its own news to this page.
  let after = 0;
  let wait = 500;
  while (!over) {
    const answer = await fetch(new URL(`../down?after=${after}`, location.href), { headers: auth, cache: 'no-store' }).catch(() => null);
    if (!answer || !answer.ok) {
      if (answer && (answer.status === 401 || answer.status === 404)) {
        stop(t('lanPlayer.closed'));
        return;
      }
      say(t('lanPlayer.lost'));
      await sleep(wait);
      wait = Math.min(wait * 2, 8000);
      continue;
    }
    wait = 500;
    const parsed = lanDownAnswerSchema.safeParse(await answer.json().catch(() => null));
    if (!parsed.success) continue;
    if (parsed.data.reset) {
      // Messages were dropped while this page was away: start over from what the kiosk saved.
      location.reload();
      return;
    }
    for (const { n, message } of parsed.data.messages) {
      after = Math.max(after, n);
      if (message.channel === PLAYER_CHANNEL) frame.contentWindow?.postMessage(message, location.origin);
      else {
        const news = lanWindowNewsSchema.safeParse(message);
        if (news.success) apply(news.data);
      }
    }
    if (parsed.data.closed) stop(t('lanPlayer.closed'));
  }
}

void start();
