// The Asset Bundle deploy path: render the config-dependent files into the bundle folder, then
// `databricks bundle deploy`.
export { type BundleTarget, readBundleTarget } from './bundle-variables.js';
export {
  type BundleDeployPlan,
  databricksCliAvailable,
  planBundleDeploy,
  runBundleDeploy,
  writeBundleFiles,
} from './deploy-bundle.js';
export { cascadeOptionsForTarget, type RenderedFile, renderBundleFiles } from './render-bundle.js';
