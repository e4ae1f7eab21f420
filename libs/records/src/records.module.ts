import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from '@kuaizhuan/identity';
import { RegisterApproval } from './register/register-approval.entity';
import { RegisterController } from './register/register.controller';
import { RegisterService } from './register/register.service';

/**
 * Records an institution keeps on the platform: the register of service inventions. It reads the
 * catalogue and the deals only through their doors and owns just the approvals it records.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RegisterApproval])],
  controllers: [RegisterController],
  providers: [AuditLog, RegisterService],
})
export class RecordsModule {}
