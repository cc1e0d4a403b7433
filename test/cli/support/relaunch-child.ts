// Stands in for the CLI in a relaunched process: reports its Node flags, then waits or exits.
process.stdout.write(`${JSON.stringify({ pid: process.pid, execArgv: process.execArgv, argv: process.argv.slice(2) })}\n`);
if (process.argv.includes("--wait")) setInterval(() => undefined, 1000);
else process.exitCode = Number(process.argv.at(-1));
