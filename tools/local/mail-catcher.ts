import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';
import { findFreePort, waitForPort } from './ports';
import { describeExit, startProcess } from './processes';
import { SetupError } from './setup-error';

export interface MailCatcher {
  smtpUrl: string;
  webUrl: string;
  description: string;
  stop(): Promise<void>;
  /** Resolves with the reason once maildev exits. */
  exited: Promise<string>;
}

/**
 * MailDev catches every message the worker sends and shows it in a web page, so invitations and
 * their calendar parts can be looked at without a real mailbox (and nobody is mailed by mistake).
 * Both ports bind to 127.0.0.1 only.
 */
export async function startMailCatcher(
  preferred: { smtpPort: number; webPort: number },
  detached: boolean,
): Promise<MailCatcher> {
  const binary = path.join(repoRoot(), 'node_modules', '.bin', 'maildev');
  if (!existsSync(binary))
    throw new SetupError('The mail catcher (maildev) is not installed.', 'Run npm install, or set SMTP_URL.');
  const smtpPort = await findFreePort(preferred.smtpPort);
  const webPort = await findFreePort(preferred.webPort);
  const args = [
    '--smtp',
    String(smtpPort),
    '--web',
    String(webPort),
    '--ip',
    '127.0.0.1',
    '--web-ip',
    '127.0.0.1',
  ];
  const maildev = startProcess('maildev', binary, args, { detached });
  try {
    for (const port of [smtpPort, webPort]) {
      await waitForPort(port, `maildev on port ${port}`, {
        timeoutMs: 15_000,
        giveUpIf: () => maildev.exitReason,
      });
    }
  } catch (error) {
    await maildev.stop(2_000);
    const reason = error instanceof Error ? error.message : String(error);
    throw new SetupError(
      [reason, maildev.recentOutput()].filter(Boolean).join('\n'),
      'Set SMTP_URL to another SMTP server to skip the mail catcher.',
    );
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webUrl: `http://127.0.0.1:${webPort}`,
    description: `MailDev catching all mail (SMTP 127.0.0.1:${smtpPort})`,
    stop: async () => {
      await maildev.stop(5_000);
    },
    exited: maildev.exited.then(describeExit),
  };
}
