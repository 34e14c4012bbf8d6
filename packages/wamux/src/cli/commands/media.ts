import { writeFile } from 'node:fs/promises';
import { isWamuxError } from '@wamux/core';
import { parseCommandLine, UsageError, type Command } from '../command';
import { note, out } from '../io';
import { extensionOf, readMediaFile } from '../media-file';
import { openTarget } from '../target';
import { TARGET_OPTIONS, TARGET_USAGE } from '../target-flags';

const OPTIONS = { ...TARGET_OPTIONS, output: { type: 'string', short: 'o' }, 'mime-type': { type: 'string' }, filename: { type: 'string' } } as const;

const USAGE = `Usage: wamux media get <id> [-o <file>]
       wamux media upload <path> [--mime-type <type>] [--filename <name>]

  get      Downloads media by id (feature media.download). Writes to -o <file>,
           to stdout with -o -, else to ./<filename or id>.<ext>.
  upload   Uploads a local file (feature media.upload) and prints the media id,
           to send with --image id:<id> and friends.

${TARGET_USAGE}`;

/** Why media uploaded by one command is gone in the next when no provider is configured, and what to do instead. */
const BUILT_IN_FORGETS =
  'the built-in emulator lives only as long as this command, so its media is gone in the next one; to keep media between commands, run `wamux emulate memory --write-config wamux.config.json` in another terminal';

/** `wamux media get|upload`. */
export const mediaCommand: Command = {
  name: 'media',
  summary: 'Download media by id (media get), or upload a file (media upload)',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseCommandLine(args, OPTIONS, 2);
    const [sub, arg] = positionals;
    if (sub !== 'get' && sub !== 'upload')
      throw new UsageError(sub === undefined ? 'media: say "media get <id>" or "media upload <path>"' : `media: unknown subcommand "${sub}"`);
    if (arg === undefined) throw new UsageError(`media ${sub}: ${sub === 'get' ? '<id>' : '<path>'} is required`);
    const upload = sub === 'upload' ? await readMediaFile(arg, 'media upload', { filename: values.filename, mimeType: values['mime-type'] }) : undefined;
    const target = await openTarget(values);
    try {
      if (upload) {
        const result = await target.provider.uploadMedia(upload);
        out(result.id);
        if (target.emulator !== undefined) note(BUILT_IN_FORGETS);
        return 0;
      }
      const media = await target.provider.downloadMedia(arg).catch((error: unknown) => {
        if (target.emulator !== undefined && isWamuxError(error) && error.code === 'not_found') note(BUILT_IN_FORGETS);
        throw error;
      });
      if (values.output === '-') {
        process.stdout.write(media.data);
        return 0;
      }
      const file = values.output ?? safeName(media.filename ?? `${arg}${extensionOf(media.mimeType)}`);
      await writeFile(file, media.data);
      note(`saved ${media.data.byteLength} bytes (${media.mimeType}) to ${file}`);
      return 0;
    } finally {
      await target.close();
    }
  },
};

/** A file name that stays in the current directory whatever the vendor called the media. */
function safeName(name: string): string {
  return name.replace(/[/\\\0]/g, '_').replace(/^\.+/, '_') || 'media';
}
