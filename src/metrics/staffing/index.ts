export { type AgentsForInput, type AgentsForResult, agentsFor } from './agents.js';
export { type ErlangInput, type ErlangResult, erlangC } from './erlang.js';
export {
  type PlanInterval,
  type PlanPeriod,
  type StaffingPlan,
  type StaffingPlanOptions,
  staffingPlan,
} from './plan.js';
