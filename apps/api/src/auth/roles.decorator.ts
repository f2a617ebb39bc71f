import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@roundtable/identity';
import { BearerAuthGuard } from './bearer-auth.guard';
import { RolesGuard } from './roles.guard';

export const ROLES_KEY = 'roundtable:roles';

/** The route needs a bearer token from one of these roles: 401 without one, 403 for others. */
export function Authenticated(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    UseGuards(BearerAuthGuard, RolesGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No token, or an expired or unknown one.' }),
    ApiForbiddenResponse({ description: 'Signed in, but the role may not do this.' }),
  );
}

export const STAFF: Role[] = ['admin', 'organiser'];
