/**
 * English messages for zod/mini schemas ("Invalid input: expected string, received number").
 *
 * zod/mini has no messages of its own (every issue would read "Invalid input"); the classic build
 * loads English itself, mini leaves it to the app. Every module that builds a zod/mini schema
 * imports this file for its side effect (`import "../validation/zod-english"`), so a message never
 * depends on which other module happened to load first. The file is listed under `sideEffects` in
 * packages/core/package.json: without that, bundlers drop a bare import from a side-effect-free
 * package. Costs the English locale only (~3 KB minified), not zod's forty locales.
 */
import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());
