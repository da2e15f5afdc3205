package cn.sedx.gateway.receipt;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of receipts ({@code sedx.receipt.*}).
 *
 * @param callbackDestination the destination whose later callbacks (签收/退回) the callback endpoint takes
 */
@Validated
@ConfigurationProperties("sedx.receipt")
record ReceiptSettings(@NotBlank @DefaultValue("document-exchange") String callbackDestination) {}
