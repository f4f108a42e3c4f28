/** app.activation */
package org.convscope.app.activation;
