import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@kuaizhuan/identity';
import { UuidParam } from '../http/common';
import { AnswerDto } from './answer.dto';
import { AnswersService, type AnswerResult } from './answers.service';

/** Each side's answer to a delivered recommendation. */
@ApiTags('recommendations')
@ApiBearerAuth()
@Controller('recommendations')
export class AnswersController {
  constructor(private readonly answers: AnswersService) {}

  /**
   * Answers for the caller's organisation (the company owning the need, or the TTO owning the
   * achievement): when both are interested they are connected and see each other's contacts.
   * Any other organisation gets a 404.
   */
  @Post(':id/answer')
  @HttpCode(200)
  @Roles('enterprise', 'tto')
  answer(@CurrentUser() caller: Caller, @UuidParam() id: string, @Body() body: AnswerDto): Promise<AnswerResult> {
    return this.answers.answer(caller, id, body);
  }
}
