// Child process entry: runs dynalite on the port given as argv[2] until killed. Used to take
// DynamoDB away and bring it back mid-stream without in-process shutdown races.
import { startDynalite } from "../../../packages/cli/src/local/engines";

const engine = await startDynalite({ port: Number(process.argv[2] ?? 0) });
process.stdout.write(`ready ${engine.endpoint}\n`);
