// `npm start`: build the production app and serve it on 127.0.0.1 (a plain static server, as in production).
import { spawnSync } from 'node:child_process';
import { startStaticServer } from './serve.mjs';

const port = Number(process.env.PORT ?? 4173);
const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
startStaticServer({ port }).then(
  () => {
    console.log(
      `\n  SQL Server 10054 troubleshooter is running at http://127.0.0.1:${port}/\n  Press Ctrl+C to stop.\n`,
    );
  },
  (error) => {
    console.error(`Could not listen on 127.0.0.1:${port} (${error.message}). Set PORT to another port.`);
    process.exit(1);
  },
);
