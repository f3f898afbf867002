#!/usr/bin/env node
// Launcher for the Sourcelight command-line tool: registers tsx so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('./cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
