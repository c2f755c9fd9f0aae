// The `http` profile (cucumber.js): one service per run on a loopback port serves every scenario's
// fresh stores, and the generic steps send their commands and reads to it over HTTP.
import { domain } from '../src/domains';
import { serveScenarios } from '../src/service';

serveScenarios(domain);
