import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasher } from './password-hasher';
import { Session } from './session.entity';
import { SessionsService } from './sessions.service';
import { SignInFailures } from './sign-in-failures';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session])],
  providers: [UsersService, SessionsService, PasswordHasher, SignInFailures],
  exports: [UsersService, SessionsService],
})
export class IdentityModule {}
