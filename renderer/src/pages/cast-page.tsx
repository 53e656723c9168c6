import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CastDetails, CastEye, CastTile } from '../../../shared/cast/cast-contract';
import { CastFeed } from '../cast/cast-feed';
import { learnersOnHeadsets } from '../cast/cast-learner';
import type { HeadsetLearner } from '../cast/cast-learner';
import { headsetNames } from '../data/headset-names';
import { listPackagesByTitle } from '../data/vr-package-queries';
import { useHeadsets } from '../headsets/use-headsets';
import { useServices } from '../ui/services-context';
import '../cast/cast.css';

const NO_NAMES: ReadonlyMap<string, string> = new Map();

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
const NO_LEARNERS: ReadonlyMap<string, HeadsetLearner> = new Map();

function CastTileView({ tile, feed, name, learner, selected, undecodable, onSelect }: { tile: CastTile; feed: CastFeed; name: string; learner: HeadsetLearner | undefined; selected: boolean; undecodable: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  // The feed puts the tile's canvas (canvas.cast-canvas) in this element and may swap it for a fresh one.
  const attach = useCallback((host: HTMLSpanElement | null) => feed.attach(tile.serial, host), [feed, tile.serial]);
  return (
    <button type="button" className="cast-tile" aria-pressed={selected} onClick={onSelect} data-serial={tile.serial} data-state={tile.state}>
      <span className="cast-screen">
        <span ref={attach} className="cast-canvas-host" />
        {tile.state !== 'live' && <span className="cast-overlay">{t(`cast.state.${tile.state}`)}</span>}
        {tile.state === 'live' && undecodable && <span className="cast-overlay">{t('cast.undecodable')}</span>}
      </span>
      <span className="cast-name">{name}</span>
      <span>{learner?.learnerName ?? t('cast.noLearner')}</span>
    </button>
  );
}

function LargeViewDetails({ tile, name, learner, details, appTitle }: { tile: CastTile; name: string; learner: HeadsetLearner | undefined; details: CastDetails | null; appTitle: string | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cast-large-title">
      <h2 id="cast-large-title">{t('cast.large.title', { name })}</h2>
      <dl className="cast-details" data-testid="cast-large-details">
        <dt>{t('cast.large.learner')}</dt>
        <dd data-testid="cast-large-learner">{learner?.learnerName ?? t('cast.noLearner')}</dd>
        <dt>{t('cast.large.app')}</dt>
        <dd data-testid="cast-large-app">{appTitle ?? details?.foreground_package ?? t('cast.large.unknown')}</dd>
        <dt>{t('cast.large.session')}</dt>
        <dd data-testid="cast-large-session">{learner?.sessionStatus ? t(`vrStatus.${learner.sessionStatus}`) : t('cast.large.noSession')}</dd>
        <dt>{t('cast.large.state')}</dt>
        <dd>
          {t(`cast.state.${tile.state}`)}
          {tile.message && ` (${tile.message})`}
        </dd>
        <dt>{t('cast.large.rate')}</dt>
        <dd>{t('cast.large.rateValue', { fps: tile.fps, width: tile.width, height: tile.height })}</dd>
      </dl>
    </section>
  );
}

/**
 * The instructor's wall: every headset of the cart as a small live picture; one chosen for a large view
 * with who is on it and what they run. Starting it is the instructor's act; the banner tells the room.
 */
export function CastPage() {
  const { t } = useTranslation();
  const { ipc, db, ports } = useServices();
  const headsets = useHeadsets();
  const names = useLiveQuery(() => headsetNames(db), [db]) ?? NO_NAMES;
  const packages = useLiveQuery(() => listPackagesByTitle(db), [db]);
  const [tiles, setTiles] = useState<CastTile[]>([]);
  const [eye, setEye] = useState<CastEye>('left');
  const [paused, setPaused] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [details, setDetails] = useState<CastDetails | null>(null);
  const [undecodable, setUndecodable] = useState<ReadonlySet<string>>(new Set());
  const serials = tiles.map((tile) => tile.serial).join('\n');
  const learners = useLiveQuery(() => learnersOnHeadsets(ports, serials ? serials.split('\n') : []), [ports, serials]) ?? NO_LEARNERS;
  // `?cast-decoder=software` before the # forces the software decoder (docs/cast.md, for diagnosis).
  const feed = useMemo(() => new CastFeed({ ipc, onTiles: setTiles, onError: setError, onUndecodable: (next) => setUndecodable((before) => (sameSet(before, next) ? before : next)), prefer: new URLSearchParams(window.location.search).get('cast-decoder') === 'software' ? 'software' : null }), [ipc]);

  useEffect(() => {
    let live = true;
    void ipc.invoke('cast:tiles', {}).then((result) => {
      if (!live || !result.ok) return;
      setTiles(result.value.tiles);
      setEye(result.value.eye);
      setPaused(result.value.paused);
    });
    feed.start();
    return () => {
      live = false;
      feed.stop();
    };
  }, [ipc, feed]);

  // The large view's facts that only the headset knows, refreshed while it is open.
  useEffect(() => {
    if (selected === null) return;
    let live = true;
    const ask = () =>
      void ipc.invoke('cast:details', { serial: selected }).then((result) => {
        if (live && result.ok) setDetails(result.value);
      });
    ask();
    const timer = window.setInterval(ask, 3000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [ipc, selected]);

  const ready = (headsets ?? []).filter((h) => h.state === 'device').map((h) => h.serial);
  const apply = async (call: Promise<{ ok: true; value: { tiles: CastTile[]; paused: boolean } } | { ok: false; error: { code: string } }>) => {
    const result = await call;
    if (!result.ok) {
      setError(result.error.code);
      return;
    }
    setError(null);
    setTiles(result.value.tiles);
    setPaused(result.value.paused);
  };
  const startAll = () => void apply(ipc.invoke('cast:start', { serials: ready.slice(0, 32), eye }));
  const stopAll = () => {
    setSelected(null);
    void apply(ipc.invoke('cast:stop', {}));
  };
  const changeEye = (next: CastEye) => {
    setEye(next);
    if (tiles.length > 0) void apply(ipc.invoke('cast:start', { serials: tiles.map((tile) => tile.serial), eye: next }));
  };
  const select = (serial: string) => {
    const next = selected === serial ? null : serial;
    setSelected(next);
    void ipc.invoke('cast:focus', { serial: next });
  };
  const selectedTile = tiles.find((tile) => tile.serial === selected) ?? null;
  // Details of the headset that was open before are not this one's.
  const shownDetails = details?.serial === selected ? details : null;
  const appTitle = shownDetails?.foreground_package ? (packages?.find((p) => p.package_name === shownDetails.foreground_package)?.title ?? null) : null;
  const nameOf = (serial: string) => names.get(serial) ?? serial;

  return (
    <section aria-labelledby="cast-title">
      <h1 id="cast-title">{t('cast.title')}</h1>
      <p className="hint">{t('cast.intro')}</p>
      <div className="cast-controls">
        <button type="button" onClick={startAll} disabled={ready.length === 0}>
          {tiles.length > 0 ? t('cast.addReady', { count: ready.length }) : t('cast.start', { count: ready.length })}
        </button>
        <button type="button" onClick={() => void apply(ipc.invoke('cast:pause', { paused: !paused }))} disabled={tiles.length === 0}>
          {paused ? t('cast.resumeAll') : t('cast.pauseAll')}
        </button>
        <button type="button" onClick={stopAll} disabled={tiles.length === 0}>
          {t('cast.stop')}
        </button>
        <label>
          {t('cast.eye.label')}{' '}
          <select value={eye} onChange={(event) => changeEye(event.target.value as CastEye)}>
            <option value="left">{t('cast.eye.left')}</option>
            <option value="both">{t('cast.eye.both')}</option>
          </select>
        </label>
      </div>
      {error && (
        <p className="notice notice-danger" role="alert">
          {t('cast.error', { code: error })}
        </p>
      )}
      <p className="hint">{t('cast.privacy')}</p>
      {tiles.length === 0 && <p className="hint">{ready.length === 0 ? t('cast.noHeadsets') : t('cast.notCasting')}</p>}
      {selectedTile && <LargeViewDetails tile={selectedTile} name={nameOf(selectedTile.serial)} learner={learners.get(selectedTile.serial)} details={shownDetails} appTitle={appTitle} />}
      <ul className="cast-wall" aria-label={t('cast.wallLabel')}>
        {tiles.map((tile) => (
          <li key={tile.serial} className={tile.serial === selected ? 'cast-selected' : undefined}>
            <CastTileView tile={tile} feed={feed} name={nameOf(tile.serial)} learner={learners.get(tile.serial)} selected={tile.serial === selected} undecodable={undecodable.has(tile.serial)} onSelect={() => select(tile.serial)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
