import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '@roundtable/identity';
import { BearerAuthGuard } from './bearer-auth.guard';
import { RolesGuard } from './roles.guard';

/** The guards every controller uses; global so feature modules need not import it. */
@Global()
@Module({
  imports: [IdentityModule],
  providers: [BearerAuthGuard, RolesGuard],
  exports: [BearerAuthGuard, RolesGuard, IdentityModule],
})
export class AuthModule {}
