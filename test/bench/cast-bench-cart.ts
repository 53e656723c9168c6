import { startQuestHeadset } from '../fakes/quest-adbd';
import type { QuestHeadset } from '../fakes/quest-adbd';
import { scrcpyStats } from '../fakes/quest-adbd/scrcpy-server';

// The emulated cart of the cast benchmark, in a process of its own so the headsets' encoding (work a
// real headset does) is not counted as kiosk CPU. Parent → child: {count}; child → parent: the headsets'
// serials, then on {sentAt: true} every headset's counter → send time.

type Request = { count: number } | { sentAt: true } | { stop: true };

const headsets: QuestHeadset[] = [];

process.on('message', (message: Request) => {
  void (async () => {
    if ('count' in message) {
      const models = ['Quest 2', 'Quest 3', 'Quest 3S'] as const;
      for (let i = 0; i < message.count; i++) headsets.push(await startQuestHeadset({ model: models[i % models.length] ?? 'Quest 2' }));
      process.send?.({ headsets: headsets.map((h) => ({ serial: h.serial, serialNumber: h.serialNumber })) });
    } else if ('sentAt' in message) {
      process.send?.({ sentAt: headsets.map((h) => ({ serial: h.serial, entries: [...scrcpyStats(h.state).sentAt] })) });
    } else {
      await Promise.all(headsets.map((h) => h.stop()));
      process.exit(0);
    }
  })();
});
