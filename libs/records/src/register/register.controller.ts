import { Body, Controller, Get, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, Standing, type Caller } from '@kuaizhuan/identity';
import { UuidParam } from '@kuaizhuan/platform';
import { ApprovalDto, RegisterQueryDto } from './register.dto';
import { REGISTER_CONTENT_TYPE, registerWorkbook } from './register-workbook';
import { RegisterService, type ApprovalView, type Register } from './register.service';

/**
 * An institution's register of service inventions (职务科技成果单列管理台账): its own TTO and the
 * operator read it; only a verified institution has one (reads included).
 */
@ApiTags('records')
@ApiBearerAuth()
@Standing('verified')
@Controller('records/institutions/:orgId')
export class RegisterController {
  constructor(private readonly registers: RegisterService) {}

  /** The register: every service invention with its disposals, income, split and approvals. */
  @Get('register')
  @Roles('tto', 'admin')
  register(
    @CurrentUser() caller: Caller,
    @UuidParam('orgId') orgId: string,
    @Query() query: RegisterQueryDto,
  ): Promise<Register> {
    return this.registers.register(caller, orgId, query.year ? Number(query.year) : null);
  }

  /** The register as an XLSX workbook for the annual report. */
  @Get('register.xlsx')
  @Roles('tto', 'admin')
  async export(
    @CurrentUser() caller: Caller,
    @UuidParam('orgId') orgId: string,
    @Query() query: RegisterQueryDto,
  ): Promise<StreamableFile> {
    const register = await this.registers.register(caller, orgId, query.year ? Number(query.year) : null);
    return new StreamableFile(await registerWorkbook(register), {
      type: REGISTER_CONTENT_TYPE,
      disposition: `attachment; filename="register-${query.year ?? 'all'}.xlsx"`,
    });
  }

  /** Records the institution's approval of a disposal (who, when, document reference); replaces an earlier one. */
  @Put('disposals/:dealId/approval')
  @Roles('tto')
  approve(
    @CurrentUser() caller: Caller,
    @UuidParam('orgId') orgId: string,
    @UuidParam('dealId') dealId: string,
    @Body() body: ApprovalDto,
  ): Promise<ApprovalView> {
    return this.registers.approve(caller, orgId, dealId, body);
  }
}
