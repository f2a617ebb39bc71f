import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { UsersService } from '@roundtable/identity';
import { MigrationRunner } from '@roundtable/platform';
import { TestimonyRekey } from '@roundtable/testimony';
import { CliModule } from './cli/cli.module';
import { DemoSeeder } from './cli/demo-seeder';
import { migrateAnswer } from './cli/migrate-answer';
import { TestimonyCliModule } from './cli/testimony-cli.module';
import { rekeyAnswer } from './cli/rekey-answer';

const USAGE = `Usage: npm run cli -- <command>

  migrate                      apply database migrations
  seed-demo                    add demo venues and events (only into an empty database)
  create-admin <email> [name]  create an admin; the password is read from ADMIN_PASSWORD
  reencrypt-testimony          re-encrypt every sealed testimony value under the first key of
                               TESTIMONY_KEYS (after a rotation; see README, "Testimony keys")
`;

/** A command's answer goes to stdout, for the person (or script) that ran it; logs go elsewhere. */
function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || !['migrate', 'seed-demo', 'create-admin', 'reencrypt-testimony'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  if (command === 'create-admin' && (!args[0] || !process.env.ADMIN_PASSWORD)) {
    console.error(
      'create-admin needs an email and ADMIN_PASSWORD in the environment (12 characters or more)',
    );
    return 2;
  }
  // The config schema wants ADMIN_EMAIL beside ADMIN_PASSWORD.
  if (command === 'create-admin') process.env.ADMIN_EMAIL ??= args[0];
  // Starting the context applies pending migrations, so `migrate` needs nothing more.
  const root = command === 'reencrypt-testimony' ? TestimonyCliModule : CliModule;
  const app = await NestFactory.createApplicationContext(root, { logger: ['error', 'warn'] });
  try {
    if (command === 'seed-demo') {
      const seeded = await app.get(DemoSeeder).seed();
      say(seeded ? 'Demo data added.' : 'Demo data skipped: the database already has venues.');
    } else if (command === 'create-admin') {
      const { user } = await app.get(UsersService).create({
        email: args[0],
        name: args[1] ?? 'Administrator',
        role: 'admin',
        password: process.env.ADMIN_PASSWORD,
      });
      say(`Created admin ${user.email} (${user.id}).`);
    } else if (command === 'reencrypt-testimony') {
      const result = await app.get(TestimonyRekey).reencryptAll();
      rekeyAnswer(result).forEach(say);
      // A value left unreadable is a fault to look into before the old key is taken out.
      return result.unreadable.length === 0 ? 0 : 1;
    } else {
      say(migrateAnswer(app.get(MigrationRunner, { strict: false }).applied));
    }
    return 0;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
