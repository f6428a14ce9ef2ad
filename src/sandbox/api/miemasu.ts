/**
 * みえますねっと annual pack: account, devices, device deletion, withdrawal (DOMAIN.md §1).
 */

import type { MiemasuAccountRecord } from '../model.js';
import { ProblemError } from '../problem.js';
import { emptyBody, parseOrRefuse } from '../request-schemas.js';
import { miemasuPlanBlocker, withdrawalBlocker } from '../rules/eligibility.js';
import { actorView, deviceView } from '../views.js';
import type { HandlerContext, Route } from './route.js';
import { actorOf, recordAudit } from './route.js';

function accountOf(context: HandlerContext): MiemasuAccountRecord {
  const { customerId } = actorOf(context);
  const account = context.state.miemasuAccounts.find((candidate) => candidate.customerId === customerId);
  if (!account) throw new ProblemError('not-found', 'This customer has no みえますねっと account.');
  return account;
}

const devicesOf = (context: HandlerContext, customerId: string) =>
  context.state.devices.filter((device) => device.customerId === customerId);

export const miemasuRoutes: Route[] = [
  {
    method: 'GET',
    path: '/miemasu/account',
    operationId: 'getMiemasuAccount',
    auth: 'acting',
    write: false,
    handle(context) {
      const account = accountOf(context);
      const deviceCount = devicesOf(context, account.customerId).length;
      return { status: 200, body: { customerId: account.customerId, plan: account.plan, deviceCount } };
    },
  },
  {
    method: 'GET',
    path: '/miemasu/devices',
    operationId: 'listMiemasuDevices',
    auth: 'acting',
    write: false,
    handle(context) {
      const account = accountOf(context);
      return { status: 200, body: { devices: devicesOf(context, account.customerId).map(deviceView) } };
    },
  },
  {
    method: 'DELETE',
    path: '/miemasu/devices/{deviceId}',
    operationId: 'deleteMiemasuDevice',
    auth: 'acting',
    write: true,
    handle(context) {
      const account = accountOf(context);
      const index = context.state.devices.findIndex(
        (device) => device.deviceId === context.params.deviceId && device.customerId === account.customerId,
      );
      const device = context.state.devices[index];
      if (!device) throw new ProblemError('not-found', 'No such device on this account.');
      const blocker = miemasuPlanBlocker(account);
      if (blocker)
        throw new ProblemError(blocker, 'Devices on the monthly plan are cancelled by another procedure.');
      // The device, its licence and its data (settings, notifications, recordings) go together.
      context.state.devices.splice(index, 1);
      recordAudit(context, 'deleteMiemasuDevice', device.deviceId);
      const actor = actorOf(context);
      return {
        status: 200,
        body: {
          deviceId: device.deviceId,
          name: device.name,
          domainName: device.domainName,
          deletedAt: context.clock.now().toISOString(),
          remainingDevices: devicesOf(context, account.customerId).length,
          performedBy: actorView(actor),
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/miemasu/withdrawal',
    operationId: 'withdrawAnnualPack',
    auth: 'acting',
    write: true,
    handle(context) {
      parseOrRefuse(emptyBody, context.body ?? {}, 'body');
      const account = accountOf(context);
      const remainingDevices = devicesOf(context, account.customerId).length;
      const blocker = withdrawalBlocker(account, remainingDevices);
      if (blocker === 'devices-remain') {
        throw new ProblemError(blocker, `Delete the ${remainingDevices} remaining device(s) first.`, {
          remainingDevices,
        });
      }
      if (blocker) throw new ProblemError(blocker, 'Monthly-plan accounts withdraw by another procedure.');
      // 契約者情報 is deleted with the account.
      context.state.miemasuAccounts = context.state.miemasuAccounts.filter(
        (candidate) => candidate !== account,
      );
      recordAudit(context, 'withdrawAnnualPack', account.customerId);
      return {
        status: 200,
        body: {
          customerId: account.customerId,
          withdrawnAt: context.clock.now().toISOString(),
          performedBy: actorView(actorOf(context)),
        },
      };
    },
  },
];
